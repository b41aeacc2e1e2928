import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/report-issue.stories.js';

visualSuite('report-issue', stories);
