/**
 * Buttons that add and remove sites and halls. Each is one undo step; a removal says
 * what goes with it and asks first, since a site may hold thousands of placed objects.
 */
import { addHall, addSite, removeHall, removeSite } from '../../../../shared/model/fleet-structure';
import { useFleet } from '../../state/store';

export function AddSiteButton() {
  const add = async () => {
    const { document, apply, selectSite } = useFleet.getState();
    if (!document) return;
    const { command, site } = addSite(document.doc);
    if (await apply(command, `add ${site.name}`)) selectSite(site.id);
  };
  return (
    <button className="tree-add" onClick={() => void add()} data-testid="add-site">
      + Add site
    </button>
  );
}

export function SiteActions({ siteId }: { siteId: string }) {
  const addToSite = async () => {
    const { document, apply, selectHall } = useFleet.getState();
    if (!document) return;
    const { command, hall } = addHall(document.doc, siteId);
    if (await apply(command, `add ${hall.name}`)) selectHall(hall.id);
  };
  const remove = async () => {
    const { document, apply, selectFleet } = useFleet.getState();
    if (!document) return;
    const { command, label, description } = removeSite(document.doc, siteId);
    if (!window.confirm(`Delete ${description}? Undo brings it all back.`)) return;
    if (await apply(command, label)) selectFleet();
  };
  return (
    <div className="inspector-actions">
      <button onClick={() => void addToSite()} data-testid="add-hall">+ Add hall</button>
      <button onClick={() => void remove()} data-testid="delete-site">Delete site</button>
    </div>
  );
}

export function HallActions({ hallId, siteId }: { hallId: string; siteId: string }) {
  const remove = async () => {
    const { document, apply, selectSite } = useFleet.getState();
    if (!document) return;
    const { command, label, description } = removeHall(document.doc, hallId);
    if (!window.confirm(`Delete ${description}? Undo brings it all back.`)) return;
    if (await apply(command, label)) selectSite(siteId);
  };
  return (
    <div className="inspector-actions">
      <button onClick={() => void remove()} data-testid="delete-hall">Delete hall</button>
    </div>
  );
}
