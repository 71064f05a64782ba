import { NameDialog, type NameDialogProps } from '../../../components/NameDialog';

/** Create or rename an experiment. A failed save keeps the typed name and shows the server's message. */
export function ExperimentNameDialog(props: NameDialogProps) {
  return <NameDialog nameLabel="Experiment name" inputId="experiment-name" {...props} />;
}
