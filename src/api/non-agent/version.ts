/** The VICIdial non-agent API version agentgate speaks (non-agent-api.md, non_agent_api.php 2.14-202). */
export const NON_AGENT_VERSION = '2.14-202';
export const NON_AGENT_BUILD = '250720-1841';
