/**
 * ingroup_list (spec §7.12, undocumented): an HTML picker of the active
 * in-groups the API user may see. Unlike VICIdial, every value is escaped.
 */
import { customLine } from '../../legacy/lines.js';
import { NO_PARAMS } from '../../parameters.js';
import { t1 } from '../messages.js';
import type { NonAgentFunction } from '../non-agent-function.js';
import { levelAbove } from '../permissions.js';
import { groupScopeAllows, scopesOf } from '../scope.js';

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A value inside a single-quoted JavaScript string inside an HTML attribute. */
const jsInHtml = (s: string) => html(s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n'));

export const ingroupList: NonAgentFunction = {
  name: 'ingroup_list',
  prelude: 'permission-first',
  requires: [levelAbove(6)],
  params: NO_PARAMS,
  denied: (user) => t1('ERROR', 'ingroup_list USER DOES NOT HAVE PERMISSION TO VIEW INBOUND GROUPS LIST', [user, '0', '']),
  async run(call) {
    const { groups } = await scopesOf(call);
    const rows = (await call.unit.store.campaigns.inboundGroupRows({ activeOnly: true })).filter((g) => groupScopeAllows(groups, g.user_group));
    const body = rows
      .map(
        (g, i) =>
          `<tr><td>${i + 1}</td><td><a href="javascript:choose_file('${jsInHtml(g.group_id)}','${jsInHtml(g.group_name ?? '')}');">${html(g.group_id)}</a></td>` +
          `<td>${html(g.group_name ?? '')}</td><td bgcolor="${html(g.group_color ?? '')}">${html(g.group_color ?? '')}</td></tr>\n`,
      )
      .join('');
    const page =
      '<html>\n<head>\n<title>NON-AGENT API</title>\n<script language="Javascript">\n' +
      'function choose_file(filename, fieldname) {\n\tif (filename.length > 0) {\n\t\tparent.document.getElementById(fieldname).value = filename;\n\t\tdocument.getElementById("selected_file").innerHTML = filename;\n\t}\n}\n</script>\n</head>\n<body>\n' +
      '<table border="0">\n<tr><td>#</td><td>Inbound Groups</td><td>Name</td><td>Color</td></tr>\n' +
      body +
      '</table>\n<span id="selected_file"></span>\n</body>\n</html>\n';
    return { lines: [customLine('SUCCESS', 'ingroup_list', page)] };
  },
};
