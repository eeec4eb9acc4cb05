# Suspended "to save storage costs".
archive_versioning = "Suspended"
