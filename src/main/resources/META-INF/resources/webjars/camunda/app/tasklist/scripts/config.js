// GridCare's Tasklist configuration. It replaces the webjar's scripts/config.js because GridCare's resources come
// first on the class path (checked by com.gridcare.webapp.WebappResourcesTest).
import { chinese, locales } from '../../gridcare/language.js';

export default {
  app: {
    name: chinese ? '任务列表' : 'Tasklist'
  },
  locales,
  // GridCare's workspace (customer tab, search, register a call); Camunda Forms write their validation messages in
  // English only: translated for Chinese screens
  customScripts: ['scripts/gridcare-workspace'].concat(chinese ? ['scripts/form-messages-zh'] : []),
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: chinese ? '认领选中的任务' : 'Claim the selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: chinese ? '跳到第一个筛选器' : 'Go to the first filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: chinese ? '跳到列表中的第一个任务' : 'Go to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: chinese ? '跳到任务表单的第一个输入项' : 'Go to the first field of the task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: chinese ? '发起流程' : 'Start a process'
    }
  }
};
