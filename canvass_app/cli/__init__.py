"""The `canvass-app` command line: one module per command group, over the same services as the GUI."""
