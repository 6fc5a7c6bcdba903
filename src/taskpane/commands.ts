/**
 * The ribbon's FunctionFile. The only command opens the task pane (ShowTaskpane), which Office does
 * itself; Office.js still has to initialise in this page for the ribbon to work.
 */
Office.onReady(() => undefined);

// A module, not a global script (isolatedModules).
export {};
