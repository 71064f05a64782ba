import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

/**
 * What a page shows instead of itself when the object it names is not there
 * (the server answered RESOURCE_DOES_NOT_EXIST): a plain sentence and a way back,
 * none of the page's own controls.
 */
export function MissingObject({
  what,
  backTo,
  backLabel,
}: {
  what: string;
  backTo: string;
  backLabel: string;
}) {
  useDocumentTitle(`${what} not found`);
  return (
    <section className="page missing-object">
      <h1>{what} does not exist (or was deleted)</h1>
      <p className="muted">
        The link may be old, or someone deleted it. Deleted objects can be restored from MLflow's
        trash.
      </p>
      <p>
        <Link className="button" to={backTo}>
          {backLabel}
        </Link>
      </p>
    </section>
  );
}
