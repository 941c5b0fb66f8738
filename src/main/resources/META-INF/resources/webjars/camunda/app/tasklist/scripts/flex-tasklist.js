// Text typed into Tasklist's search box searches the business key (the claim, request or complaint
// number, "like", so part of a number is enough) instead of the task name, which Tasklist searches
// by default. The search types are Tasklist's own; only which of them is the default changes.
const angular = window.angular;

angular.module('cam.tasklist.custom').config([
  '$provide',
  function($provide) {
    $provide.decorator('camWidgetSearchDirective', [
      '$delegate',
      function($delegate) {
        const directive = $delegate[0];
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
            return postLink && postLink.apply(this, arguments);
          };
        };
        return $delegate;
      }
    ]);
  }
]);

export default [];
