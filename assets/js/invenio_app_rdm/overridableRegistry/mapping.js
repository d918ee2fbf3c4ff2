// Overrides of InvenioRDM's React components, by overridable id.
import { HighlightedDescription } from "../../msi_rdm/search/HighlightedDescription";

export const overriddenComponents = {
  "InvenioAppRdm.Search.RecordsResultsListItem.description": HighlightedDescription,
};
