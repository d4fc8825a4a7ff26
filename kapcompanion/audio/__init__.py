"""Audio: players behind one small interface, bundled sound synthesis, offline rendering."""
