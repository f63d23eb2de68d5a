/** The VICIdial agent API version agentgate speaks (agent-api.md, api.php 2.14-82). */
export const VICIDIAL_VERSION = '2.14-82';
export const VICIDIAL_BUILD = '250122-1010';
