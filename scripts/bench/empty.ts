/** Does nothing: the bench runs it to show the fixed cost of starting node with the tsx loader. */
export {};
