"""A CSL style parsed into citeproc-py's elements, with our element classes where they differ."""

from citeproc import CitationStylesStyle
from citeproc.frontend import CitationStylesXML
from citeproc.model import CitationStylesElement
from lxml import etree

from . import elements

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


def element_classes():
    """Tag → element class: citeproc-py's own (as it looks them up), ours where we fix one."""
    classes = {
        cls.__name__.replace("_", "-").lower(): cls
        for cls in CitationStylesElement.__subclasses__()
    }
    classes.update(elements.FIXED)
    return classes


class FixedElementsXML(CitationStylesXML):
    """citeproc-py's CSL parser with our element classes looked up first."""

    def __init__(self, f, validate=True):
        """Parse ``f`` (a path or file) as citeproc-py does, with our lookup."""
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NAMESPACE)
        namespace[None] = CitationStylesElement
        namespace.update(element_classes())
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(f, self.parser)
        self.root = self.xml.getroot()


class MSICitationStyle(CitationStylesStyle, FixedElementsXML):
    """A CSL style as citeproc-py reads it, rendered with the fixed elements.

    ``CitationStylesStyle.__init__`` finds the file and sets the locales; the parsing it hands
    to its base goes to ``FixedElementsXML`` (next in the method resolution order).
    """
