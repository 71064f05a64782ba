import { NameDialog, type NameDialogProps } from '../../../components/NameDialog';
import { registryErrorMessage } from '../model/errors';

/** Create or rename a registered model. A failed save keeps the typed name and shows the server's message. */
export function ModelNameDialog(props: NameDialogProps) {
  return (
    <NameDialog
      nameLabel="Model name"
      inputId="model-name"
      errorMessage={registryErrorMessage}
      {...props}
    />
  );
}
