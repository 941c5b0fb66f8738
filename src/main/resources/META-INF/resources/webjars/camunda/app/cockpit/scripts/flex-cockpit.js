// Cockpit offers only the actions the logged-in user's engine permissions allow. Cockpit shows its
// actions (delete or suspend an instance, add a variable, retry a job, reschedule a job, delete a
// deployment, ...) to everybody with access to Cockpit, and the engine refuses them afterwards
// with a long permission text. Here each action asks the engine first (GET .../authorization/check
// for the current user, once per login) and is left out when none of its permissions is granted.
// The engine still decides: this only hides what would be refused.
const angular = window.angular;
const appRoot = document.querySelector('base').getAttribute('app-root');
const CHECK = appRoot + '/api/engine/engine/default/authorization/check';

// resource types of org.camunda.bpm.engine.authorization.Resources
const PROCESS_DEFINITION = [6, 'ProcessDefinition'];
const TASK = [7, 'Task'];
const PROCESS_INSTANCE = [8, 'ProcessInstance'];
const DEPLOYMENT = [9, 'Deployment'];

// each right: any of these (resource, permission) pairs on every resource ("*") grants it
const RIGHTS = {
  deleteInstance: [[PROCESS_INSTANCE, 'DELETE'], [PROCESS_DEFINITION, 'DELETE_INSTANCE']],
  updateInstance: [[PROCESS_INSTANCE, 'UPDATE'], [PROCESS_DEFINITION, 'UPDATE_INSTANCE']],
  suspendInstance: [
    [PROCESS_INSTANCE, 'UPDATE'],
    [PROCESS_INSTANCE, 'SUSPEND'],
    [PROCESS_DEFINITION, 'UPDATE_INSTANCE'],
    [PROCESS_DEFINITION, 'SUSPEND_INSTANCE']
  ],
  updateVariable: [
    [PROCESS_INSTANCE, 'UPDATE'],
    [PROCESS_INSTANCE, 'UPDATE_VARIABLE'],
    [PROCESS_DEFINITION, 'UPDATE_INSTANCE'],
    [PROCESS_DEFINITION, 'UPDATE_INSTANCE_VARIABLE']
  ],
  updateDefinition: [[PROCESS_DEFINITION, 'UPDATE']],
  suspendDefinition: [[PROCESS_DEFINITION, 'UPDATE'], [PROCESS_DEFINITION, 'SUSPEND']],
  assignTask: [[TASK, 'UPDATE'], [TASK, 'TASK_ASSIGN'], [PROCESS_DEFINITION, 'UPDATE_TASK']],
  deleteDeployment: [[DEPLOYMENT, 'DELETE']]
};

// the Cockpit plugins that are actions, by plugin point and id, and the right each needs
const ACTIONS = [
  ['cockpit.processInstance.runtime.action', 'cancel-process-instance-action', 'deleteInstance'],
  ['cockpit.processInstance.runtime.action', 'update-suspension-state-action', 'suspendInstance'],
  ['cockpit.processInstance.runtime.action', 'add-variable-action', 'updateVariable'],
  ['cockpit.processInstance.runtime.action', 'job-retry-action', 'updateInstance'],
  ['cockpit.incident.action', 'increase-incident-job-retry', 'updateInstance'],
  ['cockpit.incident.action', 'increase-incident-external-task-retry', 'updateInstance'],
  ['cockpit.processDefinition.runtime.action', 'update-suspension-state-action', 'suspendDefinition'],
  [
    'cockpit.processDefinition.runtime.action',
    'bulk-job-definition-override-job-priority-action',
    'updateDefinition'
  ],
  ['cockpit.jobDefinition.action', 'update-suspension-state', 'suspendDefinition'],
  ['cockpit.jobDefinition.action', 'job-definition-override-job-priority-action', 'updateDefinition'],
  ['cockpit.repository.deployment.action', 'delete-deployment', 'deleteDeployment']
];

// buttons inside tabs, not plugins of their own: hidden by a class on <html> ("flex-no-<right>")
const STYLE = `
.flex-no-updateInstance a[ng-click^="toggleSuspension"],
.flex-no-updateInstance a[ng-click^="openRecalculationWindow"],
.flex-no-assignTask .user-tasks .change-group-identity-links,
.flex-no-assignTask .user-tasks .change-user-identity-links {
  display: none !important;
}`;

let rights = null;
let rightsOf = null;

function granted(resource, permission) {
  const request = new XMLHttpRequest();
  const query =
    '?permissionName=' + encodeURIComponent(permission) +
    '&resourceName=' + encodeURIComponent(resource[1]) +
    '&resourceType=' + resource[0];
  request.open('GET', CHECK + query, false); // once per login: the actions are listed synchronously
  request.setRequestHeader('Accept', 'application/json');
  try {
    request.send();
  } catch (e) {
    return null;
  }
  if (request.status !== 200) {
    return null;
  }
  return JSON.parse(request.responseText).authorized === true;
}

/** The current user's rights, asked once per user; null while nobody is logged in. */
function rightsFor(user) {
  if (!user) {
    return null;
  }
  if (rightsOf === user && rights) {
    return rights;
  }
  const answers = {};
  Object.keys(RIGHTS).forEach(function(right) {
    answers[right] = RIGHTS[right].some(function(pair) {
      return granted(pair[0], pair[1]) === true;
    });
  });
  rights = answers;
  rightsOf = user;
  const root = document.documentElement;
  Object.keys(answers).forEach(function(right) {
    root.classList.toggle('flex-no-' + right, !answers[right]);
  });
  return rights;
}

function currentUser($rootScope) {
  return ($rootScope.authentication && $rootScope.authentication.name) || null;
}

const style = document.createElement('style');
style.textContent = STYLE;
document.head.appendChild(style);

angular
  .module('cam.cockpit.custom')
  .config([
    '$provide',
    function($provide) {
      $provide.decorator('Views', [
        '$delegate',
        '$rootScope',
        function(Views, $rootScope) {
          const getProviders = Views.getProviders;
          Views.getProviders = function(options) {
            const providers = getProviders.apply(this, arguments);
            const component = options && options.component;
            const actions = ACTIONS.filter(function(action) {
              return action[0] === component;
            });
            if (!actions.length || !Array.isArray(providers)) {
              return providers;
            }
            const allowed = rightsFor(currentUser($rootScope));
            if (!allowed) {
              return providers;
            }
            return providers.filter(function(provider) {
              return !actions.some(function(action) {
                return action[1] === provider.id && !allowed[action[2]];
              });
            });
          };
          return Views;
        }
      ]);
    }
  ])
  .run([
    '$rootScope',
    function($rootScope) {
      // the classes for the buttons inside tabs, for the user now logged in
      $rootScope.$on('$routeChangeSuccess', function() {
        rightsFor(currentUser($rootScope));
      });
    }
  ]);

export default [];
