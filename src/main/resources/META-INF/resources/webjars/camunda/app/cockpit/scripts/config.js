// Flex Claims' Cockpit: Danish dates (day first), and no actions offered to monitors and process
// owners that their engine permissions refuse (scripts/flex-cockpit.js).
export default {
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD-MM-YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd DD-MM-YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },
  customScripts: ['scripts/flex-cockpit'],
  cascade: {
    default: false
  }
};
