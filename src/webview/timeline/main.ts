// timeline webview entry (placeholder until the timeline issue)
