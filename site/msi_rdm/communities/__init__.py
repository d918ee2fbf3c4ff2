"""The node communities' logos: the node's own image, or a mark generated with the node's name."""
