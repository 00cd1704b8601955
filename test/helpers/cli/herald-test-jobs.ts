import { runCli } from '../../../main/cli/run-cli.js';
import { CATALOGUE_MODULE, catalogue } from './catalogue.js';

/** `herald …` with the test job catalogue (real campaign and monitor bodies), as a child process. */
process.exitCode = await runCli(process.argv, { jobs: { catalogue: { jobs: catalogue, module: CATALOGUE_MODULE } } });
