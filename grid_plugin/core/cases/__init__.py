"""Cases (案件): records, times, classes, grid assignment, heat, hot spots, trends and reports."""
