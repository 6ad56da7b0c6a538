import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { useItemDetailStyles } from './ItemDetail.styles';
import { ItemPanel } from './ItemPanel';

export interface ItemDetailDialogProps {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}

/** The item panel as a modal dialog over the current view; `?view=item&id=...` opens it directly. */
export default function ItemDetailDialog({ id, onClose, onChanged }: ItemDetailDialogProps) {
  const { api } = useApp();
  const styles = useItemDetailStyles();
  const loaded = useLoad(() => Promise.all([api.getAction(id), api.staff(), api.facets('all')]), id);
  const [action, staff, facets] = loaded.data ?? [];
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{action ? action.description : 'Item'}</DialogTitle>
          <DialogContent>
            {loaded.error ? (
              <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
            ) : action && staff && facets ? (
              <ItemPanel key={action.id} initial={action} staff={staff} pupils={facets.pupils} onChanged={onChanged} />
            ) : (
              <Spinner label="Loading item…" />
            )}
          </DialogContent>
          <DialogActions>
            {/* Not "Close": the panel also has "Close item", which archives it. */}
            <Button onClick={onClose}>Back to the list</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
