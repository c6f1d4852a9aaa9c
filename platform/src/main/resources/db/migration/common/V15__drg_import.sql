-- DRG case import (issue #6): a principal diagnosis may be a dagger-asterisk pair written as one
-- code (E10.200x214+N08.3*, 18 characters) and extension codes run to 11+; 16 cut them.
ALTER TABLE drg_case ALTER COLUMN principal_dx SET DATA TYPE VARCHAR(32);
ALTER TABLE drg_case ALTER COLUMN principal_proc SET DATA TYPE VARCHAR(32);
