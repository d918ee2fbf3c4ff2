"""Films: probe and poster of video files, WebVTT captions as tracks and transcript, time codes."""
