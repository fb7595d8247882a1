"""Articles → clean sentences → embeddings → FAISS + manifest on disk.

Nothing here knows about questions; `retrieval` reads what this package writes.
"""
