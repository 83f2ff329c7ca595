"""Package data shipped inside the wheel as canvass_app.resources: fonts, icons, translations, demo content."""
