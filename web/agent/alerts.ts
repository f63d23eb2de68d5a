/**
 * A new call is announced with a short tone (WebAudio, no audio file) and a
 * desktop notification. Browsers allow both only after the agent has done
 * something on the page: arm() runs on such a gesture (Start, Resume) and
 * asks for the notification permission once.
 */
let audio: AudioContext | undefined;

export function arm(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    audio = undefined; // no WebAudio: the notification still tells
  }
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}

/** Two short beeps. */
function tone(): void {
  if (!audio) return;
  const start = audio.currentTime;
  for (const at of [0, 0.25]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, start + at);
    gain.gain.exponentialRampToValueAtTime(0.001, start + at + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + at);
    osc.stop(start + at + 0.2);
  }
}

export function announceCall(title: string, body: string): void {
  tone();
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag: 'agentgate-call' });
  } catch {
    // Some browsers allow notifications only from a service worker; the tone and the screen still tell.
  }
}
