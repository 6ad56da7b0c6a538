import { doctorReport, runDoctor } from '@/app/doctor';

/**
 * `npm run doctor`: for the school's IT admin, with the tenant settings in the environment (as for
 * `npm run provision`). Checks each piece in turn and prints what is wrong and how to fix it; writes nothing.
 * Exits 1 when anything is wrong.
 */
runDoctor(process.env).then(
  (sections) => {
    console.log(doctorReport(sections));
    if (sections.some((s) => s.findings.some((f) => !f.ok))) process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(`The doctor could not finish: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
