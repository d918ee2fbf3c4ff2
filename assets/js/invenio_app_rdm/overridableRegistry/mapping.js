// Overrides of InvenioRDM's React components, by overridable id.
import { HighlightedDescription } from "../../msi_rdm/search/HighlightedDescription";
import { recordsListItemLayout } from "../../msi_rdm/search/RecordsListItem";

const FRONT_PAGE_LIST = "InvenioAppRDM.RecordsList";

export const overriddenComponents = {
  "InvenioAppRdm.Search.RecordsResultsListItem.description": HighlightedDescription,
  [`${FRONT_PAGE_LIST}.RecordsResultsListItem.layout`]: recordsListItemLayout(FRONT_PAGE_LIST),
};
