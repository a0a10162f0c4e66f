// GridCare's service dashboard in Cockpit, as a Cockpit plugin (listed in customScripts of scripts/config.js) at
// the dashboard plugin point: the monthly service report's figures as charts and tables, each leading to its
// cases. The screens call GridCare's API (/api/v1) with the Cockpit login; the API lets service managers and
// supervisors read it (others see its refusal).
import { serviceDashboard } from '../../gridcare/dashboard/dashboard.js';

export default [
  {
    id: 'gridcare.service-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => serviceDashboard(node)
  }
];
