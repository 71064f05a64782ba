/**
 * The recorded exchanges of a real MLflow 3.18.0 server
 * (mocks/recordings/mlflow-3.18.0/exchanges), for the 3.x contract tests.
 * Same file format and loader as the 2.17 ones (exchanges.ts).
 */
import { exchangeSet, type Exchange } from './exchanges';

export const LINE_3 = exchangeSet('3.18.0');

export const loadExchanges3 = (): Exchange[] => LINE_3.load();
export const exchange3 = (name: string): Exchange => LINE_3.get(name);
