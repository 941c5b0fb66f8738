// Flex Claims' Tasklist customisations (Tasklist 7.24 with its bundled form-js 1.x and flatpickr 4.6;
// docs/adr/0021 and 0022 say what each relies on):
// - text typed into the search box searches the business key (the claim, request or complaint
//   number, "like", so part of a number is enough) instead of the task name, Tasklist's default;
// - a form's dates read, and are typed, as dd-mm-yyyy, with weeks starting on Monday; the value
//   submitted stays yyyy-mm-dd;
// - a successful submit clears the "An error happened while submitting the task form" toasts of
//   earlier refusals and says that the task was completed;
// - the form of a task the user has not claimed looks read-only, says to claim the task, and
//   cannot be reached with the keyboard either;
// - the open filter's count (beside the filter and in the search box) reads "1000+" above a
//   thousand tasks: the server counts a filter's tasks up to 1,000 and answers 1,001 for more
//   (process/TaskListQueries, ADR 0024).
const angular = window.angular;

/** flatpickr's format: the day, the month, the year, e.g. 17-12-2026. */
const DANISH_DATE = 'd-m-Y';
const DANISH_PLACEHOLDER = 'dd-mm-yyyy';
const MONDAY = 1;
const COMPLETED_NOTICE_MS = 8000;

/** TaskListQueries.COUNT_LIMIT: a filter's count above it is the limit and one more. */
const COUNT_LIMIT = 1000;
const FILTER_COUNT = '{{ filterCount }}';
const FILTER_COUNT_WITH_LIMIT =
  "{{ filterCount > " + COUNT_LIMIT + " ? '" + COUNT_LIMIT + "+' : filterCount }}";
const SEARCH_TOTAL = '{{total}}';
const SEARCH_TOTAL_WITH_LIMIT =
  "{{ flexCountsToLimit && total > " + COUNT_LIMIT + " ? '" + COUNT_LIMIT + "+' : total }}";

// form-js creates a flatpickr instance for each date input (input._flatpickr) with the browser's
// date format (en-US: mm/dd/yyyy) and flatpickr's default Sunday-first weeks, and offers no
// setting for either. Each instance is set to the Danish format and Monday once it exists; form-js
// reads the chosen or typed date as a Date and submits it as yyyy-mm-dd.
function danishDates(root) {
  const inputs = root.querySelectorAll ? root.querySelectorAll('.fjs-datepicker input') : [];
  Array.prototype.forEach.call(inputs, function(input) {
    const picker = input._flatpickr;
    if (!picker || picker.flexDanish || !picker.config) {
      return;
    }
    picker.flexDanish = true;
    // an instance created while a date is typed keeps the typed text
    const typed = picker.selectedDates.length === 0 ? input.value : null;
    picker.set({
      dateFormat: DANISH_DATE,
      ariaDateFormat: 'l j F Y',
      locale: Object.assign({}, picker.l10n, {firstDayOfWeek: MONDAY})
    });
    if (typed) {
      input.value = typed;
    }
    input.placeholder = DANISH_PLACEHOLDER;
    input.setAttribute('data-flex-date-format', DANISH_PLACEHOLDER);
  });
}

function watchDates() {
  let scheduled = false;
  const observer = new MutationObserver(function() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    // after form-js's effects of the same render have created their instances
    window.requestAnimationFrame(function() {
      scheduled = false;
      danishDates(document);
    });
  });
  observer.observe(document.body, {childList: true, subtree: true});
  danishDates(document);
}

function addStyles() {
  const style = document.createElement('style');
  style.setAttribute('data-flex', 'tasklist');
  style.textContent = [
    // a form the user may not work: fields greyed like Tasklist's own disabled fields
    '.disabled-form .fjs-input, .disabled-form .fjs-textarea, .disabled-form .fjs-select,',
    '.disabled-form .fjs-input-group, .disabled-form .fjs-taglist {',
    '  background-color: #eeeeee !important; color: #777777 !important; }',
    '.disabled-form .fjs-form-field label, .disabled-form .fjs-form-field-label { color: #777777; }',
    '.disabled-form::before { background-color: rgba(238, 238, 238, 0.5); }',
    '.flex-claim-hint { margin-bottom: 10px; }',
    // the toasts' panel spans the window's bottom: only the toasts themselves take clicks, so that
    // the Complete button next to a toast stays usable
    '.page-notifications { pointer-events: none; }',
    '.page-notifications .alert { pointer-events: auto; }'
  ].join('\n');
  document.head.appendChild(style);
}

if (document.body) {
  watchDates();
} else {
  document.addEventListener('DOMContentLoaded', watchDates);
}
addStyles();

// shown above a form the user may not work (Tasklist disables it: options.disableForm)
const CLAIM_HINT =
  '<div class="alert alert-info flex-claim-hint" role="status"' +
  ' ng-if="tasklistForm.type && $loaded && options.disableForm && !taskRemoved">' +
  '<span class="glyphicon glyphicon-lock"></span> ' +
  '<strong>Read-only.</strong> Claim the task to work on it.</div>';
// the disabled form cannot be focused or typed into (Tasklist only lays a veil over it)
const DISABLED_FORM = "ng-class=\"{ 'disabled-form': options.disableForm,";
const INERT_WHEN_DISABLED =
  'ng-attr-inert="{{ options.disableForm ? \'inert\' : undefined }}" ' + DISABLED_FORM;

angular.module('cam.tasklist.custom').config([
  '$provide',
  function($provide) {
    $provide.decorator('camWidgetSearchDirective', [
      '$delegate',
      function($delegate) {
        const directive = $delegate[0];
        if (typeof directive.template === 'string') {
          directive.template = directive.template.replace(SEARCH_TOTAL, SEARCH_TOTAL_WITH_LIMIT);
        }
        const compile = directive.compile;
        directive.compile = function() {
          const link = compile.apply(this, arguments);
          const postLink = typeof link === 'function' ? link : link && link.post;
          return function(scope, element, attrs) {
            // 'TLT': the search box of Tasklist's task list
            if (attrs.camWidgetSearchStorageGroup === "'TLT'" && Array.isArray(scope.types)) {
              scope.types.forEach(function(type) {
                type.default = !!type.id && type.id.key === 'processInstanceBusinessKey';
              });
            }
            // its total is the filter's count
            scope.flexCountsToLimit = attrs.camWidgetSearchStorageGroup === "'TLT'";
            return postLink && postLink.apply(this, arguments);
          };
        };
        return $delegate;
      }
    ]);

    // the list of filters: the open filter's count (the task list's) with the limit shown
    $provide.decorator('camTasklistFiltersDirective', [
      '$delegate',
      function($delegate) {
        const directive = $delegate[0];
        if (typeof directive.template === 'string') {
          directive.template = directive.template.replace(FILTER_COUNT, FILTER_COUNT_WITH_LIMIT);
        }
        return $delegate;
      }
    ]);

    // Tasklist's form container (every task form and start form): its template gets the claim
    // hint, and its completion callback clears refusals and says the task was completed
    $provide.decorator('camTasklistFormDirective', [
      '$delegate',
      function($delegate) {
        const directive = $delegate[0];
        if (typeof directive.template !== 'string' || !directive.controller) {
          return $delegate; // not the directive of Tasklist 7.24: left as it is
        }
        directive.template =
          CLAIM_HINT + directive.template.replace(DISABLED_FORM, INERT_WHEN_DISABLED);
        const controller = directive.controller;
        directive.controller = [
          '$scope',
          '$injector',
          'Notifications',
          '$translate',
          function($scope, $injector, Notifications, $translate) {
            $injector.invoke(controller, this, {$scope: $scope});
            const completed = $scope.onFormCompletionCallback;
            if (typeof completed !== 'function') {
              return;
            }
            $scope.onFormCompletionCallback = function(error) {
              const result = completed.apply(this, arguments);
              if (!error && $scope.params && $scope.params.taskId) {
                clearRefusals(Notifications, $translate);
                Notifications.addMessage({
                  type: 'success',
                  status: 'Task completed',
                  message: taskName($scope),
                  duration: COMPLETED_NOTICE_MS,
                  exclusive: ['status']
                });
              }
              return result;
            };
          }
        ];
        return $delegate;
      }
    ]);
  }
]);

/** The errors of refused submits still on screen ("An error happened while submitting ..."). */
function clearRefusals(Notifications, $translate) {
  const refused = $translate.instant('COMPLETE_ERROR');
  Notifications.notifications
    .filter(function(notification) {
      return notification.type === 'danger' && notification.status === refused;
    })
    .forEach(function(notification) {
      // Notifications.clear compares its argument field by field: without the scope (as Tasklist
      // itself does when the scope ends)
      delete notification.scope;
      Notifications.clear(notification);
    });
}

function taskName(scope) {
  for (let s = scope.$parent; s; s = s.$parent) {
    if (s.task && s.task.name) {
      return s.task.name;
    }
  }
  return '';
}

export default [];
