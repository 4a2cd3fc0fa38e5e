// Binds a view model to a React view: the view re-renders on each new snapshot.
import { useSyncExternalStore } from "react";

type Observable<S> = {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => S;
};

export function useViewModel<S>(viewModel: Observable<S>): S {
  // The same snapshot for server rendering, which the views' unit tests use (no DOM there).
  return useSyncExternalStore(viewModel.subscribe, viewModel.getSnapshot, viewModel.getSnapshot);
}
