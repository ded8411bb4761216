"""Page objects: one class per screen of the platform, components for shared parts."""
