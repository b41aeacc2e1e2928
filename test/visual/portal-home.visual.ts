import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/portal-home.stories.js';

visualSuite('portal-home', stories);
