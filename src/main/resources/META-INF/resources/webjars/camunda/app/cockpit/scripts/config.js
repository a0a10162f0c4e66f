// GridCare's Cockpit configuration. It replaces the webjar's scripts/config.js because GridCare's resources come
// first on the class path (checked by com.gridcare.webapp.WebappResourcesTest).
import { chinese, locales } from '../../gridcare/language.js';

export default {
  app: {
    name: chinese ? '流程监控' : 'Cockpit'
  },
  locales,
  // GridCare's service dashboard (charts of the monthly service report, drill-down to the cases)
  customScripts: ['scripts/gridcare-dashboard']
};
