/**
 * Quitting: the services close first (their writes land), then one last rotating backup of the
 * catalogue, then the catalogue closes. A failing step is said and the next one still runs; a backup
 * that hangs is given up after `backupTimeoutMs`, so the app always ends.
 */
export interface ShutdownSteps {
  /** The worker threads and their connections. */
  closeServices(): Promise<void>;
  /** The last backup (main.ts's backupNow: it says its own errors). */
  backup(): Promise<unknown>;
  closeCatalogue(): void;
  /** Says a problem to the user (a dialog in the app). */
  say(title: string, message: string): void;
  backupTimeoutMs?: number;
}

export interface Shutdown {
  /** Runs the steps once; later calls wait for the same run. */
  run(): Promise<void>;
  /** Every step has run: the app may quit. */
  readonly done: boolean;
}

const DEFAULT_BACKUP_TIMEOUT_MS = 60_000;

export function shutdownSequence(steps: ShutdownSteps): Shutdown {
  let running: Promise<void> | null = null;
  let done = false;
  const sequence = async () => {
    try {
      await steps.closeServices();
    } catch (e) {
      steps.say('Arrêt des services', `Les services ne se sont pas arrêtés proprement : ${(e as Error)?.message ?? String(e)}`);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = steps.backupTimeoutMs ?? DEFAULT_BACKUP_TIMEOUT_MS;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeout)));
    try {
      const outcome = await Promise.race([steps.backup().then(() => 'made' as const), late]);
      if (outcome === 'late') {
        steps.say('Sauvegarde trop longue', `La dernière sauvegarde n’était pas finie après ${Math.round(timeout / 1000)} s : l’application se ferme sans l’attendre. Les sauvegardes précédentes restent dans le dossier des sauvegardes.`);
      }
    } catch (e) {
      steps.say('Sauvegarde impossible', (e as Error)?.message ?? String(e));
    } finally {
      clearTimeout(timer);
    }
    try {
      steps.closeCatalogue();
    } catch {
      // Closing a connection a failed step left busy: the process ends anyway.
    }
    done = true;
  };
  return {
    run: () => (running ??= sequence()),
    get done() {
      return done;
    },
  };
}
