// A film's length typed as a clock, "4:12" or "1:02:03", and stored as ISO 8601 ("PT4M12S").
// The form shows the stored value as a clock again; what cannot be read as one is kept as typed,
// so the server refuses it with the same message as shown here and nothing is lost.
import React, { useEffect, useState } from "react";
import PropTypes from "prop-types";
import { useField } from "formik";
import { Form, Input } from "semantic-ui-react";
import { FieldLabel } from "react-invenio-forms";

const ISO = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i;
const MINUTES = /^(\d+):([0-5]\d)$/;
const HOURS = /^(\d+):([0-5]\d):([0-5]\d)$/;

export function durationSeconds(text) {
  const value = (text || "").trim();
  const iso = value.match(ISO);
  if (iso) {
    const [, h, m, s] = iso;
    return Number(h || 0) * 3600 + Number(m || 0) * 60 + Math.round(Number(s || 0));
  }
  const long = value.match(HOURS);
  if (long) {
    const [, h, m, s] = long;
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  const short = value.match(MINUTES);
  if (short) {
    const [, m, s] = short;
    return Number(m) * 60 + Number(s);
  }
  return null;
}

export function isoDuration(total) {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
}

export function clockText(value) {
  const total = durationSeconds(value);
  if (total === null) return value || "";
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

export default function DurationInput({
  fieldPath,
  label,
  icon,
  description,
  placeholder,
  invalidMessage,
  required,
  disabled,
}) {
  const [field, meta, helpers] = useField(fieldPath);
  const [text, setText] = useState(clockText(field.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (durationSeconds(text) === null || isoDuration(durationSeconds(text)) !== field.value) {
      if (durationSeconds(field.value) !== null) setText(clockText(field.value));
    }
    // Only a new stored value (a saved draft) rewrites what is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);

  const commit = () => {
    const trimmed = text.trim();
    if (!trimmed) {
      setInvalid(false);
      helpers.setValue("");
      return;
    }
    const total = durationSeconds(trimmed);
    setInvalid(total === null || total <= 0);
    helpers.setValue(total ? isoDuration(total) : trimmed);
    helpers.setTouched(true, false);
  };

  const serverError = typeof meta.error === "string" ? meta.error : meta.error?.message;
  const error = invalid ? invalidMessage : (meta.touched || !meta.initialError) && serverError;
  const helpId = `${fieldPath}-help`;
  const errorId = `${fieldPath}-error`;
  const describedBy = [error && errorId, description && helpId].filter(Boolean).join(" ");
  return (
    <Form.Field required={required} disabled={disabled} error={Boolean(error)}>
      <FieldLabel htmlFor={fieldPath} icon={icon} label={label} />
      <Input
        id={fieldPath}
        name={fieldPath}
        value={text}
        placeholder={placeholder}
        inputMode="numeric"
        autoComplete="off"
        aria-describedby={describedBy || undefined}
        aria-invalid={Boolean(error)}
        onChange={(event, { value }) => setText(value)}
        onBlur={commit}
        fluid
      />
      {error && (
        <div className="ui pointing above prompt label" id={errorId} role="alert">
          {error}
        </div>
      )}
      {description && (
        // Styled as upstream's help texts; not a <label for>, so it describes, not names, the input.
        <label className="helptext" id={helpId}>
          {description}
        </label>
      )}
    </Form.Field>
  );
}

DurationInput.propTypes = {
  fieldPath: PropTypes.string.isRequired,
  label: PropTypes.string.isRequired,
  icon: PropTypes.string,
  description: PropTypes.string,
  placeholder: PropTypes.string,
  invalidMessage: PropTypes.string.isRequired,
  required: PropTypes.bool,
  disabled: PropTypes.bool,
};

DurationInput.defaultProps = {
  icon: "clock",
  description: "",
  placeholder: "",
  required: false,
  disabled: false,
};
