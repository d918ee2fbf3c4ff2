// Search result description with the snippets OpenSearch highlighted in title, description and
// file text; for films also the poster and the caption cues that say the words, with their time
// codes linking to the landing page at that moment. Snippets arrive HTML-escaped with <mark> around matches; they are split on the marks
// and rendered as text, so nothing in them is ever interpreted as HTML.
import React from "react";
import PropTypes from "prop-types";
import { Item } from "semantic-ui-react";

const LABELS = {
  sv: {
    fulltext: "I texten",
    description: "I beskrivningen",
    captions: "Sägs i filmen",
    playFrom: "Spela från",
  },
  en: {
    fulltext: "In the text",
    description: "In the description",
    captions: "Said in the film",
    playFrom: "Play from",
  },
};

// The entities OpenSearch's html encoder writes. Decoded by hand: an HTML parser would also drop
// the whitespace a fragment starts with, and the word after each mark would lose its space.
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
    if (name[0] === "#") {
      const hex = name[1] === "x" || name[1] === "X";
      const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff;
      return valid ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
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

function Marked({ snippet }) {
  return markedFragments(snippet).map((fragment, index) =>
        fragment.marked ? (
          // eslint-disable-next-line react/no-array-index-key
          <mark key={index}>{fragment.text}</mark>
        ) : (
          // eslint-disable-next-line react/no-array-index-key
          <React.Fragment key={index}>{fragment.text}</React.Fragment>
        )
  );
}

Marked.propTypes = { snippet: PropTypes.string.isRequired };

function Snippet({ snippet }) {
  return (
    <span className="msi-snippet">
      {"… "}
      <Marked snippet={snippet} />
      {" …"}
    </span>
  );
}

Snippet.propTypes = { snippet: PropTypes.string.isRequired };

export function HighlightedDescription({ descriptionStripped, result }) {
  const highlight = result.highlight || {};
  const language = document.documentElement.lang === "en" ? "en" : "sv";
  const captions = highlight.captions || [];
  const sections = ["fulltext", "description"].filter(
    (field) => highlight[field] && !(field === "fulltext" && captions.length)
  );
  const poster = result.msi_film && result.msi_film.poster;
  return (
    <>
      {poster && (
        <a href={`/records/${result.id}`} className="msi-result-poster" tabIndex={-1}>
          <img src={poster} alt="" loading="lazy" />
        </a>
      )}
      <Item.Description className="truncate-lines-2">{descriptionStripped}</Item.Description>
      {captions.length > 0 && (
        <Item.Description className="msi-highlight msi-highlight-captions">
          <small>
            <strong>{LABELS[language].captions}: </strong>
            {captions.map((cue) => (
              <span key={`${cue.key}-${cue.start}`} className="msi-caption-hit" lang={cue.language}>
                <a
                  href={cue.link}
                  className="msi-caption-time"
                  aria-label={`${LABELS[language].playFrom} ${cue.time}`}
                >
                  {cue.time}
                </a>{" "}
                <Marked snippet={cue.text} />{" "}
              </span>
            ))}
          </small>
        </Item.Description>
      )}
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
