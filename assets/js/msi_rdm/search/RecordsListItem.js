// A record in the front page's list of recent uploads: upstream's layout, with a resource-type
// badge that opens the search page filtered by that type. Upstream's badge links to the current
// path with the filter, which on the front page is the front page again.
import React from "react";
import PropTypes from "prop-types";
import _get from "lodash/get";
import _truncate from "lodash/truncate";
import Overridable from "react-overridable";
import { buildUID } from "react-searchkit";
import { Icon, Item, Label } from "semantic-ui-react";
import { i18next } from "@translations/invenio_app_rdm/i18next";
import { SearchItemCreators } from "@js/invenio_app_rdm/utils";
import { CompactStats } from "@js/invenio_app_rdm/components/CompactStats";
import { DisplayPartOfCommunities } from "@js/invenio_app_rdm/components/DisplayPartOfCommunities";

export function resourceTypeSearchLink(resourceTypeId, path = "/search") {
  const [mainType] = resourceTypeId.split("-");
  const filter = resourceTypeId.includes("-")
    ? `resource_type:${mainType}+inner:${resourceTypeId}`
    : `resource_type:${resourceTypeId}`;
  return `${path}?q=&f=${encodeURIComponent(filter)}`;
}

export function recordsListItemLayout(appName) {
  function RecordsListItemLayout({
    result,
    accessStatusId,
    accessStatus,
    accessStatusIcon,
    createdDate,
    creators,
    descriptionStripped,
    publicationDate,
    resourceType,
    subjects,
    title,
    version,
    versions,
  }) {
    const viewLink = `/records/${result.id}`;
    const resourceTypeId = _get(result, "ui.resource_type.id", "");
    const publishingInformation = _get(result, "ui.publishing_information.journal", "");
    const uniqueViews = _get(result, "stats.all_versions.unique_views", 0);
    const uniqueDownloads = _get(result, "stats.all_versions.unique_downloads", 0);
    return (
      <Item>
        <Item.Content>
          <Item.Extra className="labels-actions">
            <Label horizontal size="small" className="primary theme-primary">
              {publicationDate} ({version})
            </Label>
            {resourceTypeId ? (
              <Label
                horizontal
                size="small"
                className="neutral msi-resource-type"
                as="a"
                href={resourceTypeSearchLink(resourceTypeId)}
              >
                {resourceType}
              </Label>
            ) : (
              <Label horizontal size="small" className="neutral">
                {resourceType}
              </Label>
            )}
            <Label horizontal size="small" className={`access-status ${accessStatusId}`}>
              {accessStatusIcon && <Icon name={accessStatusIcon} />}
              {accessStatus}
            </Label>
          </Item.Extra>
          <Item.Header as="h2" className="theme-primary-text">
            <a href={viewLink}>{_truncate(title, { length: 100 })}</a>
          </Item.Header>
          <Item className="creatibutors">
            <SearchItemCreators creators={creators} othersLink={viewLink} />
          </Item>
          <Overridable
            id={buildUID("RecordsResultsListItem.description", "", appName)}
            descriptionStripped={descriptionStripped}
            result={result}
          >
            <Item.Description className="truncate-lines-2">{descriptionStripped}</Item.Description>
          </Overridable>
          <Item.Extra>
            {subjects.map((subject) => (
              <Label key={subject.title_l10n} size="tiny">
                {subject.title_l10n}
              </Label>
            ))}
            <div className="flex justify-space-between align-items-end">
              <small>
                <DisplayPartOfCommunities communities={result.parent?.communities} />
                <p>
                  {createdDate &&
                    i18next.t("Uploaded on {{uploadDate}}", { uploadDate: createdDate })}
                  {createdDate && publishingInformation && " | "}
                  {publishingInformation &&
                    i18next.t("Published in: {{- publishInfo }}", {
                      publishInfo: publishingInformation,
                    })}
                </p>
                {versions.index > 1 && (
                  <p>
                    <b>
                      {i18next.t("{{count}} more versions exist for this record", {
                        count: versions.index - 1,
                      })}
                    </b>
                  </p>
                )}
              </small>
              <small>
                <CompactStats uniqueViews={uniqueViews} uniqueDownloads={uniqueDownloads} />
              </small>
            </div>
          </Item.Extra>
        </Item.Content>
      </Item>
    );
  }

  RecordsListItemLayout.propTypes = {
    result: PropTypes.object.isRequired,
    accessStatusId: PropTypes.string.isRequired,
    accessStatus: PropTypes.string.isRequired,
    accessStatusIcon: PropTypes.string,
    createdDate: PropTypes.string,
    creators: PropTypes.array.isRequired,
    descriptionStripped: PropTypes.string.isRequired,
    publicationDate: PropTypes.string.isRequired,
    resourceType: PropTypes.string.isRequired,
    subjects: PropTypes.array.isRequired,
    title: PropTypes.string.isRequired,
    version: PropTypes.string,
    versions: PropTypes.object.isRequired,
  };
  RecordsListItemLayout.defaultProps = { accessStatusIcon: null, createdDate: null, version: "" };
  return RecordsListItemLayout;
}
