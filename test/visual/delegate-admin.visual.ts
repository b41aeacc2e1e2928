import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/delegate-admin.stories.js';

visualSuite('delegate-admin', stories);
