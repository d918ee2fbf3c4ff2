"""Demo collection: records modelled on MSI's outputs, with generated PDFs, films and captions."""
