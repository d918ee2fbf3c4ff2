// Search result description with the snippets OpenSearch highlighted in title, description and
// file text. Snippets arrive HTML-escaped with <mark> around matches; they are split on the marks
// and rendered as text, so nothing in them is ever interpreted as HTML.
import React from "react";
import PropTypes from "prop-types";
import { Item } from "semantic-ui-react";

const LABELS = {
  sv: { fulltext: "I texten", description: "I beskrivningen" },
  en: { fulltext: "In the text", description: "In the description" },
};

function decodeEntities(text) {
  return new DOMParser().parseFromString(text, "text/html").documentElement.textContent;
}

export function markedFragments(snippet) {
  const parts = snippet.split(/(<mark>.*?<\/mark>)/g).filter(Boolean);
  return parts.map((part) => {
    const match = part.match(/^<mark>(.*?)<\/mark>$/);
    return match
      ? { marked: true, text: decodeEntities(match[1]) }
      : { marked: false, text: decodeEntities(part) };
  });
}

function Snippet({ snippet }) {
  return (
    <span className="msi-snippet">
      {"… "}
      {markedFragments(snippet).map((fragment, index) =>
        fragment.marked ? (
          // eslint-disable-next-line react/no-array-index-key
          <mark key={index}>{fragment.text}</mark>
        ) : (
          // eslint-disable-next-line react/no-array-index-key
          <React.Fragment key={index}>{fragment.text}</React.Fragment>
        )
      )}
      {" …"}
    </span>
  );
}

Snippet.propTypes = { snippet: PropTypes.string.isRequired };

export function HighlightedDescription({ descriptionStripped, result }) {
  const highlight = result.highlight || {};
  const language = document.documentElement.lang === "en" ? "en" : "sv";
  const sections = ["fulltext", "description"].filter((field) => highlight[field]);
  return (
    <>
      <Item.Description className="truncate-lines-2">{descriptionStripped}</Item.Description>
      {sections.map((field) => (
        <Item.Description key={field} className={`msi-highlight msi-highlight-${field}`}>
          <small>
            <strong>{LABELS[language][field]}: </strong>
            {highlight[field].slice(0, 2).map((snippet) => (
              <Snippet key={snippet} snippet={snippet} />
            ))}
          </small>
        </Item.Description>
      ))}
    </>
  );
}

HighlightedDescription.propTypes = {
  descriptionStripped: PropTypes.string.isRequired,
  result: PropTypes.object.isRequired,
};
