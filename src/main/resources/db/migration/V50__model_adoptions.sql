-- ADR 0016: a version deployed by a process owner (Modeler, REST) that a release has taken into
-- processes/ or forms/ (the release packaged exactly that file). The next release's change of the
-- file is then deployed over it; a version not adopted is kept, and the release's file is not deployed.
CREATE TABLE flex_model_adoptions (
    definition_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    model_kind      VARCHAR(16)              NOT NULL,
    model_key       VARCHAR(255)             NOT NULL,
    version         INTEGER                  NOT NULL,
    adopted_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row, locked (SELECT ... FOR UPDATE) by the release's deployment at start: nodes starting at the
-- same moment compare and deploy one after the other, on H2 too, where the engine takes no lock.
CREATE TABLE flex_model_release_lock (
    name            VARCHAR(32)              NOT NULL PRIMARY KEY
);
INSERT INTO flex_model_release_lock (name) VALUES ('release');
