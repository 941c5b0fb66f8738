// Flex Claims' Tasklist: Danish dates (day first) and a search box that finds a claim by its number.
// Replaces the configuration shipped with the webapp; the keyboard shortcuts are the shipped ones.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Health insurance Flex'
  },
  // moment.js formats: 03-12-2026 14:30, Thursday 03-12-2026 14:30
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD-MM-YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd DD-MM-YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },
  customScripts: ['scripts/flex-tasklist'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
