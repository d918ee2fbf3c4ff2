"""The MSI repository: InvenioRDM customised for Mötesplats Social Innovation."""

__version__ = "0.1.0"
