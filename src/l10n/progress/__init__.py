"""Progress: counts by state, essay and translator; status; history; scores."""
