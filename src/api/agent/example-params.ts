/**
 * For explain: a typical valid call of each function, so that a question like
 * "may 6668 call external_dial on 1000?" is not stopped at the parameter check
 * by parameters the administrator did not think to give. Whatever the
 * administrator gives wins; the explanation lists what was filled in.
 */
export const EXAMPLE_PARAMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  external_hangup: { value: '1' },
  external_status: { value: 'SALE' },
  external_pause: { value: 'PAUSE' },
  logout: { value: 'LOGOUT' },
  external_dial: { value: '3125550150', phone_code: '1', search: 'NO', preview: 'NO', focus: 'NO' },
  preview_dial_action: { value: 'SKIP' },
  external_add_lead: { phone_number: '3125550151', phone_code: '1' },
  change_ingroups: { value: 'CHANGE', blended: 'NO', ingroup_choices: ' TESTIN -' },
  update_fields: { comments: 'explain' },
  set_timer_action: { value: 'D1_DIAL', notes: 'explain', rank: '60' },
  st_login_log: { value: 'CRM1000', vendor_id: 'TEAM1' },
  st_get_agent_active_lead: { value: 'CRM1000', vendor_id: 'TEAM1' },
  pause_code: { value: 'BREAK' },
  switch_lead: { lead_id: '1' },
  calls_in_queue_count: { value: 'DISPLAY' },
  recording: { value: 'STATUS' },
  vm_message: { value: 'explain', lead_id: '1' },
  refresh_panel: { formreload: '1' },
  send_notification: { recipient: '1000', recipient_type: 'USER', notification_text: 'explain' },
  transfer_conference: { value: 'HANGUP_XFER' },
  park_call: { value: 'PARK_CUSTOMER' },
  send_dtmf: { value: '1' },
  ra_call_control: { value: 'M1128100000000000001', stage: 'HANGUP' },
  call_agent: { value: 'CALL' },
  audio_playback: { value: 'STOP', stage: 'STOP' },
  webphone_url: { value: 'DISPLAY' },
  force_fronter_leave_3way: { value: 'LOCAL_ONLY' },
  force_fronter_audio_stop: { value: 'LOCAL_ONLY' },
};
