// GridCare's Admin configuration. It replaces the webjar's scripts/config.js because GridCare's resources come
// first on the class path (checked by com.gridcare.webapp.WebappResourcesTest).
import { chinese, locales } from '../../gridcare/language.js';

export default {
  app: {
    name: chinese ? '系统管理' : 'Admin'
  },
  locales
};
