"""Plugin plumbing: paths, metadata, translations."""
