import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/activity-log.stories.js';

visualSuite('activity-log', stories);
