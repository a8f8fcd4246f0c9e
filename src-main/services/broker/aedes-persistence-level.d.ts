// Types for aedes-persistence-level, which ships none: a factory taking an open level database.
declare module 'aedes-persistence-level' {
  import type { ClassicLevel } from 'classic-level';

  /** What aedes' `persistence` option takes (aedes types that option as `any`). */
  export interface LevelPersistence {
    destroy(): Promise<void>;
  }

  export default function aedesPersistenceLevel(db: ClassicLevel<string, Buffer>): LevelPersistence;
}
