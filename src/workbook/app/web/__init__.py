"""Server-rendered HTML pages (chapter 08): where stored text meets a browser."""
